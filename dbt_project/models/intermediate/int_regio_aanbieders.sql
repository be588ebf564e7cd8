-- Per region its configured providers and each provider's actuele delivery (NULL when
-- the provider has not delivered yet).
with aanbieders as (
    select distinct regio, aanbieder_code
    from {{ source('config', 'regio_aanbieders') }}
)
select
    a.regio,
    a.aanbieder_code,
    l.levering_id,
    l.leverdatum,
    l.peildatum
from aanbieders as a
left join {{ ref('stg_leveringen') }} as l
    on l.aanbieder_code = a.aanbieder_code
   and l.is_actueel
