-- The klachten and bezwaren (C.1) of each region's providers: one row per region and
-- melding with soort klacht or bezwaar (soort Onbekend: counter
-- int_dq_melding_soort_onbekend). aard outside the code list stays 'Onbekend';
-- afhandeling is the state in the provider's actuele delivery, 'Open' when empty. Both
-- C.1 fact models take their rows per period from here (per_periode), on the
-- ontvangstdatum (C.1.1-C.1.3, C.1.5-C.1.7) or the afhandeldatum (C.1.4, C.1.8).
select
    ra.regio,
    m.aanbieder_code,
    m.melding_id,
    m.soort,
    m.ontvangstdatum,
    coalesce(m.aard, 'Onbekend') as aard,
    coalesce(m.afhandeling, 'Open') as afhandeling,
    m.afhandeldatum
from {{ ref('int_regio_aanbieders') }} as ra
inner join {{ ref('stg_klachten_bezwaren') }} as m
    on m.aanbieder_code = ra.aanbieder_code
where m.soort in ('klacht', 'bezwaar')
