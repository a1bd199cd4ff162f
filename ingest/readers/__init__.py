"""One small module per format; each has ``read(source, ctx) -> ReadResult`` (see ``ingest.registry``)."""
