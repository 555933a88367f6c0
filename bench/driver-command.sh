# Sourced by bench/exam-load.sh and bench/cluster.sh: sets the array `driver`, the command that runs the exam load driver.
#
# The driver keeps 10,000 connections (a large, long-lived heap): a 64 MB gen-0 budget makes its collections rare
# instead of dozens per second, each scanning that heap (GC pauses were 10 s of a 60 s steady run at 10,000 users).
#
# Priority: the driver stands in for 10,000 browsers that would run on machines of their own. Here it shares the cores
# with what it measures (the app, and in a cluster run PostgreSQL and nginx too); when they saturate the machine, an
# equal-priority driver is starved like any other process — it sends late (its "send lag") and reads replies late, so
# the offered load drops and the latencies it records include its own waiting. Run as root, the driver therefore gets a
# higher priority (nice -10, EXAM_LOAD_DRIVER_NICE to change; 0 turns it off): its schedule holds and what queues is the
# server's. It needs a fraction of one core (printed per scenario as "driver N %"), so the others are not starved.
driver=(env DOTNET_GCgen0size=0x4000000 dotnet bench/CertPlatform.LoadDriver/bin/Release/net10.0/CertPlatform.LoadDriver.dll)
driver_nice=${EXAM_LOAD_DRIVER_NICE:--10}
[[ "$driver_nice" =~ ^-?[0-9]+$ ]] || { echo "EXAM_LOAD_DRIVER_NICE must be a whole number (-20 to 19), not '$driver_nice'"; exit 2; }
if [ "$driver_nice" != 0 ]; then
  if [ "$(id -u)" -eq 0 ] || [ "$driver_nice" -gt 0 ]; then
    driver=(nice -n "$driver_nice" "${driver[@]}")
    echo "driver priority: nice $driver_nice"
  else
    echo "driver priority: normal (raising it needs root; on a saturated machine read the driver's send lag before the latencies)"
  fi
fi
