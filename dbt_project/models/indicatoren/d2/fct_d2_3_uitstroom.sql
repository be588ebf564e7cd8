-- D.2.3 Uitstroom: per region and period, one row per Briefadres product ending in P.
{{ briefadres_feiten('eind') }}
