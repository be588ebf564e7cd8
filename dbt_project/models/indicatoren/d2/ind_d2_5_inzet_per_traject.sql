-- D.2.5 = D.2.4 / the number of trajectories with Briefadres inzet in P; a trajectory whose
-- inzet rows in P sum to 0 uren had no inzet and is not counted.
{{ indicator_rijen(ref('fct_d2_4_inzet'), 'D.2.5', [], maat='gemiddelde', meetwaarde='uren', eenheid='uren', filter='uren > 0') }}
