"""Data files shipped with the NLP layer (gazetteers, code lists, patterns); see README.md here."""
