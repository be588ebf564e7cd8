-- Per region the afhandeltermijn in days for klachten and bezwaren (C.1.4 / C.1.8):
-- config.regio_parameters parameter 'termijnen', sleutel 'klacht_dagen' /
-- 'bezwaar_dagen'; without it var('klacht_termijn_dagen', 42) /
-- var('bezwaar_termijn_dagen', 84). A configured value that is not a whole number >= 0
-- stops the build with a message naming region and key.
with soorten as (
    select 'klacht' as soort, 'klacht_dagen' as sleutel, {{ var('klacht_termijn_dagen', 42) }} as standaard
    union all
    select 'bezwaar', 'bezwaar_dagen', {{ var('bezwaar_termijn_dagen', 84) }}
),
geconfigureerd as (
    select regio, sleutel, waarde
    from {{ source('config', 'regio_parameters') }}
    where parameter = 'termijnen'
)
select
    r.regio,
    s.soort,
    case
        when g.waarde is null then cast(s.standaard as integer)
        when regexp_full_match(trim(g.waarde), '[0-9]+') then cast(trim(g.waarde) as integer)
        else error(
            'regios.yml: regios.' || r.regio || '.termijnen.' || s.sleutel
            || ': verwacht een geheel aantal dagen (0 of meer), gevonden: ''' || g.waarde || ''''
        )
    end as termijn_dagen,
    g.waarde is not null as geconfigureerd
from {{ source('config', 'regios') }} as r
cross join soorten as s
left join geconfigureerd as g
    on g.regio = r.regio
   and g.sleutel = s.sleutel
