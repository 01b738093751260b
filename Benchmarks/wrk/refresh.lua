-- POST /api/v0/token/{API_KEY_ID}, the refresh grant: every request uses up a refresh token and its answer carries the
-- successor, which the same thread presents next. Each thread starts with its own slice of the tokens in
-- REFRESH_TOKENS_FILE (one per line, at least one per connection), so no token is ever presented twice.
package.path = (os.getenv("WRK_LUA_DIR") or ".") .. "/?.lua;" .. package.path
local common = require("common")
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

local queue = {}
local path = "/api/v0/token/" .. os.getenv("API_KEY_ID")
local headers = common.headers()
headers["API_SECRET_KEY"] = nil

function init(args)
  local file = assert(io.open(os.getenv("REFRESH_TOKENS_FILE"), "r"))
  local all = {}
  for line in file:lines() do table.insert(all, line) end
  file:close()
  local count = tonumber(os.getenv("WRK_THREADS"))
  for i = 1, #all do
    if (i - 1) % count == index then table.insert(queue, all[i]) end
  end
end

function request()
  local token = table.remove(queue, 1) or "exhausted"
  return wrk.format("POST", path, headers, '{"grant_type":"refresh_token","refresh_token":"' .. token .. '"}')
end

function response(status, headers, body)
  local token = body and body:match('"refresh_token":"([^"]+)"')
  if token then table.insert(queue, token) end
end

done = common.done
