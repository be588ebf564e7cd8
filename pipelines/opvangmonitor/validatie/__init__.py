"""Great Expectations validation of the raw and staging table of every contract file and
of the marts in expectations/marts.yml (see definities.py, suites.py, uitvoeren.py; tables
above a row threshold: grote_tabellen.py).

Importing this package does not import Great Expectations; running a validation does.
"""

from opvangmonitor.validatie.definities import VALIDATIES
from opvangmonitor.validatie.uitvoeren import ValidatieUitslag, bouw_data_docs, valideer_tabel

__all__ = ["VALIDATIES", "ValidatieUitslag", "bouw_data_docs", "valideer_tabel"]
