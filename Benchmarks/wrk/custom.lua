-- POST /api/v0/token/custom without a refresh token: verify the access token (ACCESS_TOKEN), merge, sign.
package.path = (os.getenv("WRK_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
wrk.method = "POST"
wrk.headers = common.headers()
wrk.body = '{"token":"' .. os.getenv("ACCESS_TOKEN")
  .. '","custom_attributes":{"username":"helloworld","role":"admin","user_id":125}}'
done = common.done
