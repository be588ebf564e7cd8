-- D.2.1 Unieke inwoners: per region and period, one row per person with a Briefadres
-- product active in P; the event is the person's latest-starting such product (§0).
{{ briefadres_feiten('actief') }}
