"""Example mappings for structured records (YAML files in this folder; ``ingest.records`` reads them)."""
