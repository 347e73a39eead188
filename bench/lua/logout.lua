-- POST /logout, each request with a token not used before (a logged-out token would get 401).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local tokens = require("tokens")
setup = tokens.setup

function init(args)
  mine = tokens.load(os.getenv("BENCH_TOKENS"), id, tonumber(os.getenv("BENCH_THREADS")))
  next_index = 1
end

function request()
  local token = mine[next_index]
  next_index = next_index + 1
  if token == nil then token = "exhausted" end
  return wrk.format("POST", "/logout", {["x-amz-sso_bearer_token"] = token}, nil)
end
