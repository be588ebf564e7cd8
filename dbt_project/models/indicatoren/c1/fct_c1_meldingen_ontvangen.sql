-- C.1.1-C.1.3 (klachten) and C.1.5-C.1.7 (bezwaren): per region and period, one row per
-- melding (klachten_bezwaren of one of the region's providers) with ontvangstdatum in P
-- and soort klacht or bezwaar (soort Onbekend: counter int_dq_melding_soort_onbekend).
-- afhandeling as delivered in the actuele delivery (the state on its peildatum), 'Open'
-- when empty; aard and afhandeling outside their code list are 'Onbekend'.
select
    p.regio,
    p.periode_type,
    p.periode_start,
    p.periode_eind,
    m.aanbieder_code,
    m.melding_id,
    m.soort,
    m.ontvangstdatum,
    coalesce(m.aard, 'Onbekend') as aard,
    coalesce(m.afhandeling, 'Open') as afhandeling,
    m.afhandeldatum
from {{ ref('dim_periode') }} as p
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.regio = p.regio
inner join {{ ref('stg_klachten_bezwaren') }} as m
    on m.aanbieder_code = ra.aanbieder_code
   and m.ontvangstdatum between p.periode_start and p.periode_eind
where m.soort in ('klacht', 'bezwaar')
