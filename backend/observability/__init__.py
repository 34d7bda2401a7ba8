"""What SRE reads: health endpoints, Prometheus metrics, request ids and structured logs."""
