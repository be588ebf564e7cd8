"""Great Expectations validation of raw and staging tables (see suites.py, uitvoeren.py).

Importing this package does not import Great Expectations; running a validation does.
"""

from opvangmonitor.validatie.definities import VALIDATIES
from opvangmonitor.validatie.uitvoeren import ValidatieUitslag, bouw_data_docs, valideer_tabel

__all__ = ["VALIDATIES", "ValidatieUitslag", "bouw_data_docs", "valideer_tabel"]
