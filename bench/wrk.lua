-- One request shape for wrk, from the environment: WRK_METHOD, WRK_TOKEN, WRK_BODY, and
-- WRK_PATHS (a file of paths; each of the WRK_THREADS threads walks its own slice, in order).
local method = os.getenv("WRK_METHOD") or "GET"
local token = os.getenv("WRK_TOKEN")
local body = os.getenv("WRK_BODY")
local paths_file = os.getenv("WRK_PATHS")
local paths = {}
for line in io.lines(paths_file) do paths[#paths + 1] = line end

local threads = 0
function setup(thread)
   thread:set("offset", threads)
   threads = threads + 1
end

local index = 0
function init(args)
   -- Each thread walks its own slice, so delete never asks for the same task twice.
   local count = tonumber(os.getenv("WRK_THREADS") or "2")
   index = offset * math.floor(#paths / count)
end

function request()
   index = index + 1
   local path = paths[(index - 1) % #paths + 1]
   local headers = { ["Authorization"] = "Bearer " .. token }
   if body then headers["Content-Type"] = "application/json" end
   return wrk.format(method, path, headers, body)
end
