"""Elasticsearch only: client, mappings as code, index lifecycle, bulk writes and query builders. No Flask, no SQLAlchemy."""
