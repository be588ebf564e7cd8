-- Data-quality counters per delivery (regio-independent): one row per levering_id ×
-- teller × bestand × veld × reden, for every delivery of stg_leveringen (not only the
-- actuele ones; is_actueel tells which). Long format:
--   bsn_elfproef_ongeldig  clienten whose delivered BSN fails the elfproef (aanlevering §3)
--   zonder_bsn             clienten delivered without a BSN
--                          (both: one row per delivery, also when 0)
--   quarantaine            rows in raw.quarantaine per bestand (as delivered), veld, reden
--   code_onbekend          per bestand, veld: delivered values outside the field's code
--                          list, which staging maps to 'Onbekend'
--   gemeente_onbekend      per bestand, veld: delivered gemeenten that map to no gemeente
--                          (staging: 'Onbekend')
-- (quarantaine, code_onbekend, gemeente_onbekend: only rows with aantal > 0.)
-- code_onbekend/gemeente_onbekend apply the staging macros normaliseer_code() and
-- gemeente_code() to the raw rows of every delivery, i.e. the value staging gives (or
-- would give, for a delivery that is not actueel). A code is counted when staging gives
-- 'Onbekend' while the delivered value, trimmed and case-insensitively, is not
-- 'Onbekend': a delivered 'Onbekend' means the same as the result and is not counted.
-- bestand is the file (or sheet) name as delivered (the raw `bestand` column).
-- Dimension columns not applicable to a teller are '' (as in marts.indicatoren).
-- No person-level data: this mart is published.

{#- The code fields of every contract file with their code list, and the gemeente fields:
    the same (field, list) pairs as the normaliseer_code()/gemeente_code() calls of the
    stg_<file> models (data/contract/aanlevering.yml; tests/test_datakwaliteit.py checks
    this against the contract). -#}
{%- set codevelden = {
    'clienten': {'geslacht': 'geslacht'},
    'aanmeldingen': {'reden_aanmelding': 'reden_aanmelding', 'hoofdprobleem': 'hoofdprobleem', 'oorzaak_instroom': 'oorzaak_instroom'},
    'trajecten': {'doelgroep': 'doelgroep', 'reden_einde': 'reden_einde', 'uitstroom_woonvorm': 'uitstroom_woonvorm', 'uitstroomperspectief': 'uitstroomperspectief'},
    'woonvormen': {'woonvorm': 'woonvorm'},
    'zrm_metingen': {'soort_meting': 'soort_meting'},
    'mijlpalen': {'mijlpaal': 'mijlpaal'},
    'producten': {'product': 'product'},
    'inzet': {'product': 'product'},
    'klachten_bezwaren': {'soort': 'soort_melding', 'aard': 'aard_melding', 'afhandeling': 'afhandeling'},
    'wachtlijst': {'voorziening': 'woonvorm'},
    'woningaanvragen': {'soort': 'soort_woningaanvraag'},
    'voortgang': {'stoplicht': 'stoplicht'},
    'voorzieningen': {'soort': 'woonvorm'},
    'kosten': {'periode': 'kostenperiode', 'module': 'kostenmodule'},
} -%}
{%- set gemeentevelden = {
    'aanmeldingen': ['gemeente_herkomst'],
    'trajecten': ['gemeente_opvang', 'uitstroom_gemeente'],
    'voorzieningen': ['gemeente'],
} -%}
{%- set omschrijvingen = {
    'bsn_elfproef_ongeldig': 'Cliënten met een BSN dat niet door de elfproef komt: niet gebruikt om personen te koppelen',
    'zonder_bsn': 'Cliënten zonder BSN: alleen binnen de aanbieder te volgen',
    'quarantaine': 'Regels in quarantaine: niet geladen',
    'code_onbekend': 'Waarden buiten de codelijst: geteld als Onbekend',
    'gemeente_onbekend': 'Gemeenten die niet te herkennen zijn: geteld als Onbekend',
} %}

with leveringen as (
    select levering_id, aanbieder_code, is_actueel
    from {{ ref('stg_leveringen') }}
),

bsn as (
    select
        l.levering_id,
        count(c.levering_id) filter (where c.bsn_elfproef_ongeldig) as bsn_elfproef_ongeldig,
        count(c.levering_id) filter (
            where c.bsn_pseudoniem is null and not coalesce(c.bsn_elfproef_ongeldig, false)
        ) as zonder_bsn
    from leveringen as l
    left join {{ source('raw', 'clienten') }} as c
        on c.levering_id = l.levering_id
    group by l.levering_id
),
{%- for bestand, velden in codevelden.items() %}
{%- set kolommen = (velden | list) + gemeentevelden.get(bestand, []) %}

-- {{ bestand }}: one scan counting the rows per delivery, bestand and delivered value of
-- each code / gemeente field (grouping sets: in the group of one field the others are
-- NULL, and a NULL value is never counted); the lookups then run once per distinct value
waarden_{{ bestand }} as (
    select
        r.levering_id,
        r.bestand
        {%- for veld in kolommen %},
        r.{{ veld }}
        {%- endfor %},
        count(*) as aantal
    from {{ source('raw', bestand) }} as r
    group by grouping sets (
        {%- for veld in kolommen %}
        (r.levering_id, r.bestand, r.{{ veld }}){{ ',' if not loop.last }}
        {%- endfor %}
    )
),

codes_{{ bestand }} as (
    select
        r.levering_id,
        r.bestand
        {%- for veld, lijst in velden.items() %},
        cast(coalesce(sum(r.aantal) filter (
            where {{ normaliseer_code(veld, lijst) }} = 'Onbekend'
              and lower(trim(r.{{ veld }})) <> 'onbekend'
        ), 0) as bigint) as code_onbekend__{{ veld }}
        {%- endfor %}
        {%- for veld in gemeentevelden.get(bestand, []) %},
        cast(coalesce(sum(r.aantal) filter (
            where {{ gemeente_code(veld) }} = 'Onbekend'
        ), 0) as bigint) as gemeente_onbekend__{{ veld }}
        {%- endfor %}
    from waarden_{{ bestand }} as r
    group by r.levering_id, r.bestand
),
{%- endfor %}

tellingen as (
    select levering_id, 'bsn_elfproef_ongeldig' as teller, '' as bestand, '' as veld, '' as reden,
           bsn_elfproef_ongeldig as aantal
    from bsn
    union all
    select levering_id, 'zonder_bsn', '', '', '', zonder_bsn
    from bsn
    union all
    -- the line number in 'dubbele sleutel; eerste voorkomen op regel N behouden' would
    -- make every duplicate its own reason: counted under 'regel …'
    select
        levering_id,
        'quarantaine',
        bestand,
        coalesce(veld, ''),
        regexp_replace(reden, 'regel [0-9]+', 'regel …', 'g'),
        count(*)
    from {{ source('raw', 'quarantaine') }}
    group by all
{%- for bestand, velden in codevelden.items() %}
    {%- for veld in velden %}
    union all
    select levering_id, 'code_onbekend', bestand, '{{ veld }}', '', code_onbekend__{{ veld }}
    from codes_{{ bestand }}
    where code_onbekend__{{ veld }} > 0
    {%- endfor %}
    {%- for veld in gemeentevelden.get(bestand, []) %}
    union all
    select levering_id, 'gemeente_onbekend', bestand, '{{ veld }}', '', gemeente_onbekend__{{ veld }}
    from codes_{{ bestand }}
    where gemeente_onbekend__{{ veld }} > 0
    {%- endfor %}
{%- endfor %}
)

select
    t.levering_id,
    l.aanbieder_code,
    l.is_actueel,
    t.teller,
    case t.teller
    {%- for teller, omschrijving in omschrijvingen.items() %}
        when '{{ teller }}' then '{{ omschrijving }}'
    {%- endfor %}
    end as omschrijving,
    t.bestand,
    t.veld,
    t.reden,
    t.aantal
from tellingen as t
inner join leveringen as l
    on l.levering_id = t.levering_id
