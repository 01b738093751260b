-- GET /.well-known/jwks.json: the public key set, no authentication, no cryptography (the HTTP layer alone).
package.path = (os.getenv("WRK_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
wrk.method = "GET"
done = common.done
