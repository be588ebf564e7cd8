"""Synthetic provider deliveries for the Opvangmonitor (see README.md in this folder)."""

from opvangmonitor.generator.genereer import GeneratieResultaat, genereer
from opvangmonitor.generator.schrijvers import GegenereerdeLevering

__all__ = ["genereer", "GeneratieResultaat", "GegenereerdeLevering"]
