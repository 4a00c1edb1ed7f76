"""Developer and operator scripts run by the Makefile: start the assistant or the cluster, write its
configuration files, serve the web page, and measure it (NLU evaluation, simulation, benchmarks, reports)."""
