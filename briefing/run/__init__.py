"""The run machinery, apart from the stages: the job (``job``), the output-folder lock (``lock``),
the analysis cache (``cache``), worker processes (``workers``), manifests (``manifest``), atomic
outputs (``outputs``) and the article time window (``window``)."""
