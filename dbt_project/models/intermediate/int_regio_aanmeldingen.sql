-- The aanmeldingen a region can fall back on for the gemeente van herkomst (§0: the
-- person's latest aanmelding on or before the event date among the region's providers):
-- one per region, person and aanmeldingsdatum (on a tie: first aanbieder_code, then the
-- highest aanmelding_id).
select
    ra.regio,
    a.persoon_key,
    a.aanmeldingsdatum,
    a.aanbieder_code,
    a.aanmelding_id,
    a.gemeente_herkomst,
    a.reden_aanmelding,
    a.hoofdprobleem,
    a.oorzaak_instroom
from {{ ref('int_aanmeldingen') }} as a
inner join {{ ref('int_regio_aanbieders') }} as ra
    on ra.aanbieder_code = a.aanbieder_code
qualify row_number() over (
    partition by ra.regio, a.persoon_key, a.aanmeldingsdatum
    order by a.aanbieder_code, a.aanmelding_id desc
) = 1
