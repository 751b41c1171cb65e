-- wrk script of bench/run: usage events with a unique eventId per request (run prefix, wrk thread,
-- counter), and a last line the Java side reads:
--   WRK requests=… duration_us=… sent=… acked=… created=… other2xx=… non2xx=… errors=… timeouts=… p50_us=… p99_us=…
-- acked counts accepted events (201 for a single event, each "accepted" of a batch), the figure the
-- ledger check compares with the database; sent - answered = requests cut off when wrk stopped.
--
--   wrk … -s bench/usage.lua URL -- MODE PREFIX WORKSPACE_PREFIX WORKSPACES USER_ID [BATCH_SIZE]
--   MODE: event (a charge), refused (the same body with credits 0: refused by validation, no
--   database), batch (BATCH_SIZE events to /usage-events/batch), get (GET the URL's path as is).
-- The service token comes from the environment (GETPAIDX_SERVICE_TOKEN), never from the command line.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

local mode, prefix, workspace_prefix, workspaces, user_id, batch_size
local counter = 0
-- globals, so that done() can read them from each thread with thread:get()
sent, acked, created, other2xx, non2xx = 0, 0, 0, 0, 0
local path = "/api/v1/usage-events"

function init(args)
    mode = args[1] or "get"
    prefix = (args[2] or "bench") .. "-" .. tid .. "-"
    workspace_prefix = args[3] or ""
    workspaces = tonumber(args[4] or "1")
    user_id = args[5] or ""
    batch_size = tonumber(args[6] or "100")
    math.randomseed(os.time() * 1000 + tid)
    if mode == "get" then
        wrk.method = "GET"
        return
    end
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. (os.getenv("GETPAIDX_SERVICE_TOKEN") or "")
    if mode == "batch" then
        path = "/api/v1/usage-events/batch"
    end
end

local function workspace()
    if workspaces <= 1 then
        return workspace_prefix .. "0"
    end
    return workspace_prefix .. math.random(0, workspaces - 1)
end

local function event(credits)
    counter = counter + 1
    return '{"eventId":"' .. prefix .. counter .. '","workspaceId":"' .. workspace() .. '","userId":"' .. user_id
        .. '","credits":"' .. credits .. '","kind":"chat","model":"bench","occurredAt":"2026-12-01T10:00:00Z"}'
end

function request()
    sent = sent + 1
    if mode == "get" then
        return wrk.format(nil, nil)
    elseif mode == "batch" then
        local events = {}
        for i = 1, batch_size do
            events[i] = event("0.001")
        end
        return wrk.format(nil, path, nil, '{"events":[' .. table.concat(events, ",") .. ']}')
    elseif mode == "refused" then
        return wrk.format(nil, path, nil, event("0"))
    end
    return wrk.format(nil, path, nil, event("0.001"))
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
    elseif mode == "batch" then
        local _, n = string.gsub(body, '"status":"accepted"', "")
        acked = acked + n
        other2xx = other2xx + 1
    elseif status == 201 and mode == "event" then
        acked = acked + 1
        created = created + 1
    else
        other2xx = other2xx + 1
    end
end

function done(summary, latency, requests)
    local totals = { sent = 0, acked = 0, created = 0, other2xx = 0, non2xx = 0 }
    for _, thread in ipairs(threads) do
        for name, _ in pairs(totals) do
            totals[name] = totals[name] + (thread:get(name) or 0)
        end
    end
    local e = summary.errors
    io.write(string.format(
        "WRK requests=%d duration_us=%d sent=%d acked=%d created=%d other2xx=%d non2xx=%d errors=%d timeouts=%d p50_us=%d p99_us=%d\n",
        summary.requests, summary.duration, totals.sent, totals.acked, totals.created, totals.other2xx, totals.non2xx,
        e.connect + e.read + e.write, e.timeout, latency:percentile(50.0), latency:percentile(99.0)))
end
