"""Opvangmonitor: data warehouse and regional monitor for maatschappelijke opvang."""

__version__ = "0.1.0"
