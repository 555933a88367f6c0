-- wrk script: each connection behaves like a reader who pauses 0.5–1.5 s between pages.
-- wrk measures latency from sending the request, so the pause is not counted.
math.randomseed(os.time())
function delay()
  return math.random(500, 1500)
end
