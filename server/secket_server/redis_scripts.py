"""The Lua scripts that make the Redis store's room decisions, each atomic in Redis.

They decide exactly what ``rooms.Rooms`` decides (same order of checks, same error codes),
with Redis's own clock (``TIME``, in milliseconds) so that every process agrees on it.
A peer is written ``"<node>:<socket id>"``; a node is one server process, alive while its
key ``node:<node>`` exists.

Keys, under the prefix (``ARGV[1]`` of every script):
  ``room:<id>``    hash: ``created``, ``active`` (ms), ``a`` (the first peer), ``b`` (the
                   second). Redis expires it by itself ``grace`` after the room's deadline:
                   a safety net should every process die; the sweeper comes first.
  ``deadlines``    sorted set: room id -> the ms at which it expires (lifetime or idle).
  ``paired``       set of the paired room ids (counted by /metrics).
  ``spent:<id>``   why a join to a used or expired room is refused; expires after room_ttl.
  ``node:<node>``  present while that process lives.
Channel ``to:<node>``: notices for the sockets of that process (``notices.py``).
"""

from __future__ import annotations

from typing import Final

#: Shared by every script: ARGV[1] is the key prefix; ttl, idle and grace are in ms.
_PRELUDE = """
local prefix = ARGV[1]
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function ms(n) return string.format('%d', n) end
local function node_of(peer) return string.match(peer, '^([^:]+):') end
local function alive(peer)
  return redis.call('EXISTS', prefix .. 'node:' .. node_of(peer)) == 1
end
local function close_room(room, spent_reason, ttl)
  redis.call('DEL', prefix .. 'room:' .. room)
  redis.call('ZREM', prefix .. 'deadlines', room)
  redis.call('SREM', prefix .. 'paired', room)
  if spent_reason then
    redis.call('SET', prefix .. 'spent:' .. room, spent_reason, 'PX', ttl)
  end
end
local function schedule(room, created, active, ttl, idle, grace)
  local deadline = math.min(created + ttl, active + idle)
  redis.call('ZADD', prefix .. 'deadlines', deadline, room)
  redis.call('PEXPIREAT', prefix .. 'room:' .. room, deadline + grace)
end
"""

#: ARGV: prefix, room, peer, create ("1"/"0"), ttl, idle, grace, max_rooms.
#: Returns {"waiting"} | {"paired", first} | {"refused", code, intruded...}.
JOIN: Final = (
    _PRELUDE
    + """
local room, peer, create = ARGV[2], ARGV[3], ARGV[4] == '1'
local ttl, idle, grace = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local key = prefix .. 'room:' .. room
local now = now_ms()
local spent = redis.call('GET', prefix .. 'spent:' .. room)
if spent then return {'refused', spent} end
local r = redis.call('HMGET', key, 'created', 'active', 'a', 'b')
if r[1] and not r[4] and not alive(r[3]) then
  -- The waiting peer's process is gone, and its room with it.
  close_room(room, nil, ttl)
  r = {false, false, false, false}
end
if not r[1] then
  if not create then return {'refused', 'no-room'} end
  if redis.call('ZCARD', prefix .. 'deadlines') >= tonumber(ARGV[8]) then
    return {'refused', 'server-full'}
  end
  redis.call('HSET', key, 'created', ms(now), 'active', ms(now), 'a', peer)
  schedule(room, now, now, ttl, idle, grace)
  return {'waiting'}
end
local created, active = tonumber(r[1]), tonumber(r[2])
if now >= created + ttl or now >= active + idle then return {'refused', 'room-expired'} end
if r[4] then return {'refused', 'room-full', r[3], r[4]} end
redis.call('HSET', key, 'active', ms(now), 'b', peer)
redis.call('SADD', prefix .. 'paired', room)
schedule(room, created, now, ttl, idle, grace)
return {'paired', r[3]}
"""
)

#: ARGV: prefix, room, peer, payload, ttl, idle, grace, this node.
#: Returns {"local", socket id} | {"sent"} | {"gone", other} | {"refused", code}.
RELAY: Final = (
    _PRELUDE
    + """
local room, peer, payload = ARGV[2], ARGV[3], ARGV[4]
local ttl, idle, grace = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local key = prefix .. 'room:' .. room
local r = redis.call('HMGET', key, 'created', 'a', 'b')
if not r[2] or (r[2] ~= peer and r[3] ~= peer) then return {'refused', 'not-joined'} end
local now = now_ms()
redis.call('HSET', key, 'active', ms(now))
schedule(room, tonumber(r[1]), now, ttl, idle, grace)
if not r[3] then return {'refused', 'not-paired'} end
local other = r[2] == peer and r[3] or r[2]
local node, conn = string.match(other, '^([^:]+):(%d+)$')
if node == ARGV[8] then return {'local', conn} end
if not alive(other) then
  close_room(room, 'room-full', ttl)
  return {'gone', other}
end
local notice = cjson.encode({conn = tonumber(conn), kind = 'signal', payload = payload})
redis.call('PUBLISH', prefix .. 'to:' .. node, notice)
return {'sent'}
"""
)

#: ARGV: prefix, room, peer, ttl, idle, grace. Returns nothing.
TOUCH: Final = (
    _PRELUDE
    + """
local room, peer = ARGV[2], ARGV[3]
local ttl, idle, grace = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local key = prefix .. 'room:' .. room
local r = redis.call('HMGET', key, 'created', 'a', 'b')
if r[2] and (r[2] == peer or r[3] == peer) then
  local now = now_ms()
  redis.call('HSET', key, 'active', ms(now))
  schedule(room, tonumber(r[1]), now, ttl, idle, grace)
end
return {}
"""
)

#: ARGV: prefix, room, peer, ttl. Returns {} (not in the room) | {"left"} | {"left", other}.
LEAVE: Final = (
    _PRELUDE
    + """
local room, peer, ttl = ARGV[2], ARGV[3], tonumber(ARGV[4])
local r = redis.call('HMGET', prefix .. 'room:' .. room, 'a', 'b')
if not r[1] or (r[1] ~= peer and r[2] ~= peer) then return {} end
if not r[2] then
  close_room(room, nil, ttl)
  return {'left'}
end
close_room(room, 'room-full', ttl)
return {'left', r[1] == peer and r[2] or r[1]}
"""
)

#: ARGV: prefix, ttl, idle, limit. Returns a flat list: reason, first, second (or "") ...
EXPIRE: Final = (
    _PRELUDE
    + """
local ttl, idle, limit = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local now = now_ms()
local due = redis.call('ZRANGEBYSCORE', prefix .. 'deadlines', '-inf', now, 'LIMIT', 0, limit)
local out = {}
for _, room in ipairs(due) do
  local r = redis.call('HMGET', prefix .. 'room:' .. room, 'created', 'active', 'a', 'b')
  if not r[1] then
    close_room(room, nil, ttl)  -- Redis expired it by itself: forget it
  else
    local created, active = tonumber(r[1]), tonumber(r[2])
    local reason = nil
    if now >= created + ttl then reason = 'lifetime'
    elseif now >= active + idle then reason = 'idle' end
    if reason then
      close_room(room, 'room-expired', ttl)
      table.insert(out, reason)
      table.insert(out, r[3] or '')
      table.insert(out, r[4] or '')
    else
      redis.call('ZADD', prefix .. 'deadlines', math.min(created + ttl, active + idle), room)
    end
  end
end
return out
"""
)
