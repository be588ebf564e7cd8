{#- Fails for every combination of `kolommen` that occurs more than once in the model. -#}
{% test unieke_combinatie(model, kolommen) %}
select
    {{ kolommen | join(', ') }},
    count(*) as aantal
from {{ model }}
group by {{ kolommen | join(', ') }}
having count(*) > 1
{% endtest %}
