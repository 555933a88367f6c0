// Each collection starts its own Kestrel server and Chromium; running them one after the other
// keeps the load (and timing) predictable on small CI machines.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
