"""The Dagster code location's parts: assets, checks, job, sensor and schedule."""
