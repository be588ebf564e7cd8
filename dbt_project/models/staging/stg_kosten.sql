-- kosten.csv of each provider's actuele delivery; codes and gemeenten normalised.
select
    {{ meta_kolommen() }},
    r.jaar,
    {{ normaliseer_code('periode', 'kostenperiode') }} as periode,
    r.financiering,
    {{ normaliseer_code('module', 'kostenmodule') }} as module,
    r.bedrag
from {{ uit_actuele_levering(source('raw', 'kosten')) }}
