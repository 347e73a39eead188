-- A portal read (path from BENCH_PATH) with tokens taken round-robin from BENCH_TOKENS.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local tokens = require("tokens")
setup = tokens.setup

function init(args)
  mine = tokens.load(os.getenv("BENCH_TOKENS"), id, tonumber(os.getenv("BENCH_THREADS")))
  next_index = 1
  path = os.getenv("BENCH_PATH")
end

function request()
  local token = mine[next_index]
  next_index = next_index % #mine + 1
  return wrk.format("GET", path, {["x-amz-sso_bearer_token"] = token}, nil)
end
