{#
    generate_surrogate_key(columns)

    A deterministic surrogate key: the md5 (lowercase hex) of the given columns cast to varchar,
    NULLs replaced by '_null_', joined with '-'. Same inputs give the same key on every run.

        {{ generate_surrogate_key(['customer_id']) }} as customer_sk
#}
{%- macro generate_surrogate_key(columns) -%}
    {%- if columns is string -%}
        {%- set columns = [columns] -%}
    {%- endif -%}
    {%- set fields = [] -%}
    {%- for column in columns -%}
        {%- do fields.append("coalesce(cast(" ~ column ~ " as varchar), '_null_')") -%}
    {%- endfor -%}
    lower(to_hex(md5(to_utf8({{ fields | join(" || '-' || ") }}))))
{%- endmacro -%}
