-- POST /verify with one access token (ACCESS_TOKEN): signature, time claims and audience, no store.
package.path = (os.getenv("WRK_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
wrk.method = "POST"
wrk.headers = common.headers()
wrk.body = '{"oauth_token":{"access_token":"' .. os.getenv("ACCESS_TOKEN") .. '"}}'
done = common.done
