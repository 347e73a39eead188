-- Shared by the scenario scripts: each wrk thread takes every n-th token of a file, so that the
-- threads never send the same token, and walks through its share in order.
local M = {}
local counter = 0
local threads = {}

function M.setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function M.load(file, id, nthreads)
  local mine = {}
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == id then mine[#mine + 1] = line end
    i = i + 1
  end
  return mine
end

return M
