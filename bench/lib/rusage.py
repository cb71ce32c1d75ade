#!/usr/bin/env python3
"""Runs a command and reports its wall time and peak memory on stderr, for the scale bench.

    python3 bench/lib/rusage.py CMD [ARGS...]

appends `\\nrusage-wall-ms=T rusage-maxrss-kib=K\\n` to the command's stderr (its stdio is the
wrapper's). The time is taken here around the child alone, so Python's own start-up is not in it.
The memory is getrusage(RUSAGE_CHILDREN).ru_maxrss: the kernel's peak resident set of the largest
single process among the child and every descendant that was waited for (git under `async join`,
say), not their sum, and never this wrapper's own. Node cannot read RUSAGE_CHILDREN, and GNU time
is not on every machine; python3 is on the ones the bench runs on.
"""
import resource
import subprocess
import sys
import time

start = time.perf_counter()
code = subprocess.call(sys.argv[1:])
ms = (time.perf_counter() - start) * 1000
kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"\nrusage-wall-ms={ms:.3f} rusage-maxrss-kib={kib}\n")
sys.stderr.flush()
# A child killed by a signal is reported as a shell would.
sys.exit(code if code >= 0 else 128 - code)
