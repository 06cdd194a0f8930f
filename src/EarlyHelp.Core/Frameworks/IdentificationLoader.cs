using EarlyHelp.Core.Outcomes.Rules;
using YamlDotNet.RepresentationModel;

namespace EarlyHelp.Core.Frameworks;

/// <summary>Reads a need's <c>identification</c> block, with the same file, line and path errors as the criteria.</summary>
public static partial class FrameworkLoader
{
    private const string IdentificationKinds = "any, all, attendance, exclusions, police, benefits, neet, socialCare, health, housing, expectedBaby";

    private static readonly Dictionary<string, AgeBasis> AgeBases = new() { ["as-of"] = AgeBasis.AsOf, ["school-year"] = AgeBasis.SchoolYear };

    private static IdentificationRule? ReadIdentification(YamlObject node)
    {
        var keys = node.Keys.ToList();
        if (keys.Count != 1)
        {
            node.Errors.Add(node.Path, node.Node, $"must name exactly one identification kind ({IdentificationKinds}); found {(keys.Count == 0 ? "none" : string.Join(", ", keys))}");
            return null;
        }

        var kind = keys[0];
        if (kind is "any" or "all")
        {
            var parts = node.Objects(kind).Select(ReadIdentification).ToList();
            if (parts.Count < 2 && node.Raw(kind) is YamlSequenceNode)
            {
                node.Errors.Add(node.Child(kind), node.Raw(kind)!, "must list at least two rules");
            }

            return parts.Any(p => p is null) ? null : kind == "any" ? new AnyIdentification(parts!) : new AllIdentification(parts!);
        }

        if (node.Object(kind) is not { } o)
        {
            return null;
        }

        switch (kind)
        {
            case "attendance":
                o.OnlyKeys("belowPercent", "consecutiveTerms", "authorisedAbsence", "ages");
                if (!o.Has("authorisedAbsence"))
                {
                    o.Errors.Add(o.Child("authorisedAbsence"), o.Node, "is required (counted or excluded)");
                }

                return new AttendanceIdentification(
                    o.Number("belowPercent", 0, 100) ?? 0,
                    o.Integer("consecutiveTerms", 1, 9) ?? 1,
                    o.Choice("authorisedAbsence", AuthorisedChoices, AuthorisedAbsence.Counted),
                    Ages(o));
            case "exclusions":
                o.OnlyKeys("kinds", "terms", "atLeastCount", "atLeastDays", "ages");
                return new ExclusionsIdentification(
                    Words(o, "kinds", PartnerVocabulary.ExclusionKinds),
                    o.Integer("terms", 1, 9) ?? 1,
                    o.Integer("atLeastCount", 1, 1000, 1) ?? 1,
                    o.Has("atLeastDays") ? o.Number("atLeastDays", 0, 1000) : null,
                    Ages(o));
            case "police":
                o.OnlyKeys("types", "roles", "severe", "months", "atLeast", "ages");
                var roles = o.Has("roles") ? Words(o, "roles", PartnerVocabulary.PoliceRoles) : PartnerVocabulary.PoliceRoles.Values.ToHashSet();
                return new PoliceIdentification(
                    Words(o, "types", PartnerVocabulary.PoliceTypes),
                    roles,
                    o.Boolean("severe", false),
                    o.Integer("months", 1, 120) ?? 12,
                    o.Integer("atLeast", 1, 1000, 1) ?? 1,
                    Ages(o));
            case "benefits":
                o.OnlyKeys("outOfWork", "benefits", "ages");
                var outOfWork = o.Boolean("outOfWork", false);
                var benefits = o.Strings("benefits", required: false).ToHashSet(StringComparer.Ordinal);
                if (!outOfWork && benefits.Count == 0)
                {
                    o.Errors.Add(o.Path, o.Node, "needs outOfWork: true or a list of benefits");
                }

                return new BenefitsIdentification(outOfWork, benefits, Ages(o));
            case "neet":
                o.OnlyKeys("statuses", "withinMonths", "ages");
                return new NeetIdentification(
                    Words(o, "statuses", PartnerVocabulary.NeetStatuses),
                    o.Has("withinMonths") ? o.Integer("withinMonths", 1, 120) : null,
                    Ages(o));
            case "socialCare":
                o.OnlyKeys("types", "ages");
                return new SocialCareIdentification(Words(o, "types", PartnerVocabulary.SocialCareTypes), Ages(o));
            case "health":
                o.OnlyKeys("flags", "months", "ages");
                return new HealthIdentification(
                    Words(o, "flags", PartnerVocabulary.HealthFlags),
                    o.Integer("months", 1, 120) ?? 12,
                    Ages(o));
            case "housing":
                o.OnlyKeys("statuses", "withinMonths");
                return new HousingIdentification(
                    Words(o, "statuses", PartnerVocabulary.HousingStatuses),
                    o.Has("withinMonths") ? o.Integer("withinMonths", 1, 120) : null);
            case "expectedBaby":
                o.OnlyKeys();
                return new ExpectedBabyIdentification();
            default:
                node.Errors.Add(node.Child(kind), node.Raw(kind)!, $"is not an identification kind ({IdentificationKinds})");
                return null;
        }
    }

    private static AgeRange? Ages(YamlObject rule)
    {
        if (rule.Object("ages", required: false) is not { } a)
        {
            return null;
        }

        a.OnlyKeys("from", "to", "on");
        if (!a.Has("from") && !a.Has("to"))
        {
            a.Errors.Add(a.Path, a.Node, "needs from, to or both");
        }

        var from = a.Integer("from", 0, 150, 0) ?? 0;
        var to = a.Integer("to", 0, 150, 150) ?? 150;
        if (from > to)
        {
            a.Errors.Add(a.Child("to"), a.Raw("to")!, $"is below from ({from})");
        }

        return new AgeRange(from, to, a.Choice("on", AgeBases, AgeBasis.AsOf));
    }

    private static HashSet<T> Words<T>(YamlObject o, string key, IReadOnlyDictionary<string, T> vocabulary)
    {
        var set = new HashSet<T>();
        foreach (var word in o.Strings(key))
        {
            if (vocabulary.TryGetValue(word, out var value))
            {
                set.Add(value);
            }
            else
            {
                o.Errors.Add(o.Child(key), o.Raw(key)!, $"'{word}' is not one of {string.Join(", ", vocabulary.Keys)}");
            }
        }

        if (set.Count == 0 && o.Raw(key) is YamlSequenceNode { Children.Count: 0 })
        {
            o.Errors.Add(o.Child(key), o.Raw(key)!, "must list at least one");
        }

        return set;
    }
}
