-- wrk script for scripts/soak.sh: a template.execute call with the token from SOAK_TOKEN; each wrk thread stops
-- after SOAK_CALLS_PER_THREAD replies and counts replies that are not 200.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SOAK_TOKEN")
wrk.body = '{"workflow":{"metadata":{"name":"soak-wf","namespace":"argo","uid":"7c1e2f"}},'
  .. '"template":{"name":"main","inputs":{"parameters":[{"name":"region","value":"eu"}]},'
  .. '"plugin":{"fixture":{"message":"soak"}}}}'

-- Each thread gets its own id (Lua states start with the same random seed, so names must not come from it).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local limit = tonumber(os.getenv("SOAK_CALLS_PER_THREAD") or "500000")
local replies = 0
local failures = 0

function response(status, headers, body)
  replies = replies + 1
  if status ~= 200 then failures = failures + 1 end
  if replies == limit then
    -- wrk's main thread sleeps for the whole -d; soak.sh interrupts it once every thread has left a mark here.
    local mark = io.open(os.getenv("SOAK_DONE_DIR") .. "/thread-" .. tostring(id), "w")
    mark:write(failures)
    mark:close()
    wrk.thread:stop()
  end
end
