using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace EarlyHelp.GovUk;

/// <summary>Shared parts of the GOV.UK form components: the field's name, id, value and error.</summary>
public abstract class GovUkFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>Render the label as the page's heading (one-question pages).</summary>
    [HtmlAttributeName("label-is-heading")]
    public bool LabelIsHeading { get; set; }

    [HtmlAttributeName("classes")]
    public string? Classes { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => For.Name;

    protected string Id => FieldId(For.Name);

    protected string LabelText => Label ?? For.Metadata.DisplayName ?? For.Name;

    /// <summary>The value to show: what was posted (so nothing is lost on a validation error), else the model's.</summary>
    protected string? Value =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                DateOnly d => d.ToString("yyyy-MM-dd"),
                bool b => b ? "true" : "false",
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            };

    protected string? Error =>
        ViewContext.ModelState.TryGetValue(Name, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.Errors.FirstOrDefault()?.ErrorMessage
            : null;

    public static string FieldId(string name) => name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    protected static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    protected string LabelHtml(string forId)
    {
        var label = $"<label class=\"govuk-label{(LabelIsHeading ? " govuk-label--l" : "")}\" for=\"{forId}\">{E(LabelText)}</label>";
        return LabelIsHeading ? $"<h1 class=\"govuk-label-wrapper\">{label}</h1>" : label;
    }

    /// <summary>A fieldset's legend: the page's heading on a one-question page, else sized as asked.</summary>
    protected string Legend(string size) => LabelIsHeading
        ? $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\"><h1 class=\"govuk-fieldset__heading\">{E(LabelText)}</h1></legend>"
        : $"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{size}\">{E(LabelText)}</legend>";

    protected string HintAndError(StringBuilder describedBy)
    {
        var html = new StringBuilder();
        if (Hint is not null)
        {
            html.Append($"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>");
            describedBy.Append($"{Id}-hint ");
        }

        if (Error is { } error)
        {
            html.Append($"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>");
            describedBy.Append($"{Id}-error");
        }

        return html.ToString();
    }

    protected static string DescribedBy(StringBuilder ids) => ids.Length == 0 ? "" : $" aria-describedby=\"{ids.ToString().Trim()}\"";

    protected void FormGroup(TagHelperOutput output, string inner)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-form-group" + (Error is null ? "" : " govuk-form-group--error"));
        output.Content.SetHtmlContent(inner);
    }
}

/// <summary>&lt;govuk-input for="..." label="..." hint="..." type="text" /&gt;: the GOV.UK text input.</summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkInputTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = new StringBuilder();
        var hintAndError = HintAndError(describedBy);
        var classes = "govuk-input" + (Error is null ? "" : " govuk-input--error") + (Classes is null ? "" : " " + Classes);
        var extra = (Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"") + (Spellcheck is { } s ? $" spellcheck=\"{(s ? "true" : "false")}\"" : "");
        FormGroup(output, LabelHtml(Id) + hintAndError +
            $"<input class=\"{classes}\" id=\"{Id}\" name=\"{E(Name)}\" type=\"{E(Type)}\"{(Type == "password" ? "" : $" value=\"{E(Value)}\"")}{DescribedBy(describedBy)}{extra}>");
    }
}

/// <summary>&lt;govuk-textarea for="..." label="..." rows="5" /&gt;.</summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkTextareaTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = new StringBuilder();
        var hintAndError = HintAndError(describedBy);
        var classes = "govuk-textarea" + (Error is null ? "" : " govuk-textarea--error");
        FormGroup(output, LabelHtml(Id) + hintAndError +
            $"<textarea class=\"{classes}\" id=\"{Id}\" name=\"{E(Name)}\" rows=\"{Rows}\"{DescribedBy(describedBy)}>{E(Value)}</textarea>");
    }
}

/// <summary>&lt;govuk-select for="..." label="..." items="..." /&gt;.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkSelectTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = new StringBuilder();
        var hintAndError = HintAndError(describedBy);
        var options = string.Concat(Items.Select(i =>
            $"<option value=\"{E(i.Value)}\"{(i.Value == Value ? " selected" : "")}>{E(i.Text)}</option>"));
        var classes = "govuk-select" + (Error is null ? "" : " govuk-select--error");
        FormGroup(output, LabelHtml(Id) + hintAndError +
            $"<select class=\"{classes}\" id=\"{Id}\" name=\"{E(Name)}\"{DescribedBy(describedBy)}>{options}</select>");
    }
}

/// <summary>
/// &lt;govuk-radios for="..." legend="..." items="..." /&gt;: a fieldset of radios. A radio may reveal a related
/// question when chosen: put it in a &lt;govuk-radios-conditional value="..."&gt; child. Without JavaScript
/// every such question shows, as the GOV.UK pattern intends.
/// </summary>
[HtmlTargetElement("govuk-radios")]
public sealed class GovUkRadiosTagHelper : GovUkFieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var conditionals = new Dictionary<string, string>(StringComparer.Ordinal);
        context.Items[typeof(GovUkRadiosTagHelper)] = conditionals;
        await output.GetChildContentAsync();

        var describedBy = new StringBuilder();
        var hintAndError = HintAndError(describedBy);
        var radios = new StringBuilder();
        var index = 0;
        foreach (var item in Items)
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var chosen = item.Value == Value;
            var hint = item.Group?.Name is { } itemHint ? $"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-radios__hint\">{E(itemHint)}</div>" : "";
            var conditional = conditionals.GetValueOrDefault(item.Value);
            radios.Append($"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{E(Name)}\" type=\"radio\" value=\"{E(item.Value)}\"{(chosen ? " checked" : "")}{(hint.Length > 0 ? $" aria-describedby=\"{id}-item-hint\"" : "")}{(conditional is null ? "" : $" data-aria-controls=\"conditional-{id}\"")}>" +
                $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label>{hint}</div>");
            if (conditional is not null)
            {
                radios.Append($"<div class=\"govuk-radios__conditional{(chosen ? "" : " govuk-radios__conditional--hidden")}\" id=\"conditional-{id}\">{conditional}</div>");
            }
        }

        var legend = Legend("m");
        FormGroup(output, $"<fieldset class=\"govuk-fieldset\"{DescribedBy(describedBy)}>{legend}{hintAndError}" +
            $"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

/// <summary>&lt;govuk-radios-conditional value="..."&gt;: the question a radio of its parent &lt;govuk-radios&gt; reveals.</summary>
[HtmlTargetElement("govuk-radios-conditional", ParentTag = "govuk-radios")]
public sealed class GovUkRadiosConditionalTagHelper : TagHelper
{
    [HtmlAttributeName("value")]
    public string Value { get; set; } = "";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(GovUkRadiosTagHelper), out var found) && found is Dictionary<string, string> conditionals)
        {
            conditionals[Value] = content.GetContent();
        }

        output.SuppressOutput();
    }
}

/// <summary>
/// &lt;govuk-date for="..." label="..." /&gt;: the GOV.UK date input (day, month, year). The model binder
/// <see cref="DateOnlyPartsBinder"/> puts the three parts back together and says what is wrong.
/// </summary>
[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkDateTagHelper : GovUkFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var describedBy = new StringBuilder();
        var hintAndError = HintAndError(describedBy);
        var request = ViewContext.HttpContext.Request;
        string Part(string part) =>
            request.HasFormContentType && request.Form.TryGetValue($"{Name}.{part}", out var posted)
                ? posted.ToString()
                : For.Model is DateOnly d ? part switch { "Day" => d.Day.ToString(), "Month" => d.Month.ToString(), _ => d.Year.ToString() } : "";
        string Field(string part, string label, int width) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{Id}-{part.ToLowerInvariant()}\">{label}</label>" +
            $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(Error is null ? "" : " govuk-input--error")}\" id=\"{Id}-{part.ToLowerInvariant()}\" name=\"{E(Name)}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(Part(part))}\"></div></div>";
        var legend = Legend("s");
        FormGroup(output, $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy(describedBy)}>{legend}{hintAndError}" +
            $"<div class=\"govuk-date-input\" id=\"{Id}\">{Field("Day", "Day", 2)}{Field("Month", "Month", 2)}{Field("Year", "Year", 4)}</div></fieldset>");
    }
}

/// <summary>&lt;govuk-error-summary /&gt;: every error on the page, each linking to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState
            .Where(e => e.Value?.ValidationState == ModelValidationState.Invalid)
            .SelectMany(e => e.Value!.Errors.Take(1).Select(x => (Key: e.Key, x.ErrorMessage)))
            .OrderBy(e => FieldOrder(ViewContext.ViewData.ModelMetadata.ModelType, e.Key), FieldOrderComparer.Instance)
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var items = string.Concat(errors.Select(e =>
            $"<li><a href=\"#{(e.Key.Length == 0 ? "main-content" : GovUkFieldTagHelper.FieldId(e.Key))}\">{WebUtility.HtmlEncode(e.ErrorMessage)}</a></li>"));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>" +
            $"<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">{items}</ul></div></div>");
    }

    /// <summary>
    /// Where a field comes in its form: the declaration order of the properties along its key ("Input.DueOn"), and
    /// the position in a list ("Items[3].Value"), so that the summary lists errors in the order the form asks its
    /// questions, as GOV.UK asks. Keys that name no property (a page-level error) come first.
    /// </summary>
    private static int[] FieldOrder(Type model, string key)
    {
        var order = new List<int>();
        var type = model;
        foreach (var part in key.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            var properties = type.GetProperties();
            var index = Array.FindIndex(properties, p => p.Name == name);
            if (index < 0)
            {
                break;
            }

            // Properties come back in declaration order, derived classes first: the metadata token keeps source order.
            order.Add(properties[index].MetadataToken);
            type = properties[index].PropertyType;
            if (part.EndsWith(']') && int.TryParse(part[(name.Length + 1)..^1], out var position) && ElementType(type) is { } element)
            {
                order.Add(position);
                type = element;
            }
        }

        return [.. order];
    }

    private static Type? ElementType(Type list) =>
        list.IsArray ? list.GetElementType() : list.GetInterfaces().Append(list)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private sealed class FieldOrderComparer : IComparer<int[]>
    {
        public static readonly FieldOrderComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
