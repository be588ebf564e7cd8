-- Every delivery loaded up to the moment var('tot_geladen_op') (default: none = every
-- loaded delivery); is_actueel marks the latest of those per provider (latest
-- leverdatum, then peildatum, then geladen_op; levering_id as last tie-break).
-- With tot_geladen_op = moment X (local time, as raw.leveringen.geladen_op) the whole
-- build sees only the deliveries the warehouse held at X, so it reproduces the figures
-- as they stood then (`opvangmonitor reproduceer`).
{%- set tot_geladen_op = var('tot_geladen_op') %}
{%- if tot_geladen_op is not none
      and not modules.re.fullmatch('[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?', tot_geladen_op | string) %}
    {{ exceptions.raise_compiler_error(
        "var tot_geladen_op: '" ~ tot_geladen_op ~ "' is geen moment JJJJ-MM-DD[ UU:MM[:SS]]") }}
{%- endif %}
select
    levering_id,
    aanbieder_code,
    aanbieder_naam,
    leverdatum,
    peildatum,
    spec_versie,
    bron,
    bronvorm,
    inhoud_hash,
    geladen_op,
    row_number() over (
        partition by aanbieder_code
        order by leverdatum desc, peildatum desc, geladen_op desc, levering_id desc
    ) = 1 as is_actueel
from {{ source('raw', 'leveringen') }}
{%- if tot_geladen_op is not none %}
where geladen_op <= cast('{{ tot_geladen_op }}' as timestamp)
{%- endif %}
