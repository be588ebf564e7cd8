-- D.2.2 Instroom: per region and period, one row per Briefadres product starting in P.
{{ briefadres_feiten('start') }}
