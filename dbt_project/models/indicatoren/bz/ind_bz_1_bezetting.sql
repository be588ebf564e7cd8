-- BZ.1 = 100 x occupied person-days / capacity-days, per locatie, per soort and in total
-- (sums over the locaties, not a mean of percentages).
{{ verhouding_rijen(ref('fct_bz_1_bezetting'), 'BZ.1', ['locatie', 'soort'],
    teller_waarde='bezette_dagen', noemer_waarde='capaciteitsdagen') }}
