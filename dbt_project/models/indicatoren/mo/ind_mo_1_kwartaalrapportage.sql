-- MO.1 Kwartaalrapportage: persons in an onderdeel during P. The total and the person
-- dimensions count each person once (telt_persoon: the latest-starting stay); the
-- dimensions onderdeel and locatie count a person once per onderdeel / locatie
-- (telt_onderdeel, telt_locatie), so a person in two onderdelen is in both onderdeel
-- rows and once in the total. Those two calls add dimension rows only (their totals
-- would repeat the total).
{{ indicator_rijen(ref('fct_mo_1_verblijven'), 'MO.1',
    ['gemeente_herkomst', 'leeftijdsgroep', 'geslacht', 'uitstroomperspectief', 'verblijfsduur'],
    filter='telt_persoon') }}
union all
select * from (
    {{ indicator_rijen(ref('fct_mo_1_verblijven'), 'MO.1', ['onderdeel'], filter='telt_onderdeel') }}
) where dimensie <> ''
union all
select * from (
    {{ indicator_rijen(ref('fct_mo_1_verblijven'), 'MO.1', ['locatie'], filter='telt_locatie') }}
) where dimensie <> ''
