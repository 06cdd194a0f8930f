using System.Text.Encodings.Web;
using System.Text.Json;

namespace EarlyHelp.Core.Value;

/// <summary>
/// The cost of late intervention as JSON: <c>totalCost</c>, <c>items</c> (each with its <c>totalCost</c>) and
/// <c>reductions</c>. Amounts are pounds as exact decimal JSON numbers; what is not known is null.
/// </summary>
public static class CostOfLateInterventionJson
{
    public static string ToJson(CostOfLateIntervention cost)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(w, cost);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, CostOfLateIntervention cost)
    {
        w.WriteStartObject();
        w.WriteNumber("totalCost", Amounts.Normalise(cost.TotalCost));
        w.WriteStartArray("items");
        foreach (var item in cost.Items)
        {
            w.WriteStartObject();
            w.WriteString("costItem", item.CostItem);
            w.WriteNumber("valuePerChild", Amounts.Normalise(item.ValuePerChild));
            Number(w, "numberPerYear", item.NumberPerYear);
            Number(w, "totalCost", item.TotalCost is { } total ? Amounts.Normalise(total) : null);
            w.WriteString("whoBearsIt", item.WhoBearsIt);
            w.WriteString("service", item.Service);
            w.WriteString("activity", item.Activity);
            w.WriteString("source", item.Source);
            w.WriteString("note", item.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("reductions");
        foreach (var reduction in cost.Reductions)
        {
            w.WriteStartObject();
            w.WriteNumber("percent", Amounts.Normalise(reduction.Percent));
            w.WriteNumber("saving", Amounts.Normalise(reduction.Saving));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
