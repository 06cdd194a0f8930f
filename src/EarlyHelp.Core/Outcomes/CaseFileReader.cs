using System.Globalization;
using System.Text.Json;
using EarlyHelp.Core.Calendar;
using EarlyHelp.Core.Frameworks;

namespace EarlyHelp.Core.Outcomes;

/// <summary>A problem in a case file, with the JSON path of the value at fault.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Reads a case file (contracts/evaluate.md) and checks it against its framework, reporting every problem
/// found with its JSON path rather than stopping at the first.
/// </summary>
public sealed class CaseFileReader(FrameworkCatalog frameworks)
{
    public (CaseFile? File, IReadOnlyList<InputError> Errors) Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return (null, [new InputError("$", $"not valid JSON{where}")]);
        }

        using (document)
        {
            var state = new State(frameworks);
            var file = state.ReadCase(document.RootElement);
            return state.Errors.Count > 0 ? (null, state.Errors) : (file, state.Errors);
        }
    }

    public (CaseFile? File, IReadOnlyList<InputError> Errors) Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    private sealed class State(FrameworkCatalog frameworks)
    {
        public List<InputError> Errors { get; } = [];

        private Framework? framework;
        private readonly HashSet<string> members = new(StringComparer.Ordinal);

        public CaseFile? ReadCase(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", "must be a JSON object (a case file)");
                return null;
            }

            var frameworkId = String(root, "$", "framework", required: true);
            if (frameworkId is not null)
            {
                if (frameworks.TryGet(frameworkId, out var f))
                {
                    framework = f;
                }
                else
                {
                    Error("$.framework", $"unknown framework '{frameworkId}' (known: {string.Join(", ", frameworks.All.Select(x => x.Id))})");
                }
            }

            var asOf = Date(root, "$", "asOf", required: true);
            var (familyId, memberList) = ReadFamily(root);
            var episode = ReadEpisode(root);
            var needs = List(root, "$", "needs", ReadNeed, required: true);
            var attendance = List(root, "$", "attendance", ReadAttendance);
            var events = List(root, "$", "events", ReadEvent);
            var evidence = List(root, "$", "evidence", ReadEvidence);
            CheckDuplicateAttendance(attendance);

            if (Errors.Count > 0)
            {
                return null;
            }

            return new CaseFile(frameworkId!, asOf!.Value, familyId!, memberList, episode, needs, attendance, events, evidence);
        }

        private (string? Id, List<Member> Members) ReadFamily(JsonElement root)
        {
            if (!Property(root, "$", "family", JsonValueKind.Object, required: true, out var family))
            {
                return (null, []);
            }

            var id = String(family, "$.family", "id", required: true);
            var list = List(family, "$.family", "members", (e, path) =>
            {
                var memberId = String(e, path, "id", required: true);
                var born = Date(e, path, "dateOfBirth");
                if (memberId is not null && !members.Add(memberId))
                {
                    Error($"{path}.id", $"member '{memberId}' appears more than once");
                }

                return memberId is null ? null : new Member(memberId, born);
            }, required: true);
            return (id, list);
        }

        private Episode ReadEpisode(JsonElement root)
        {
            if (!Property(root, "$", "episode", JsonValueKind.Object, required: false, out var e))
            {
                return Episode.None;
            }

            const string path = "$.episode";
            var opened = Date(e, path, "opened");
            var closed = Date(e, path, "closed");
            if (opened is { } o && closed is { } c && c < o)
            {
                Error($"{path}.closed", $"closure {c:yyyy-MM-dd} is before the opening {o:yyyy-MM-dd}");
            }

            var lead = e.TryGetProperty("leadPractitioner", out var l) && l.ValueKind != JsonValueKind.Null
                ? (l.ValueKind == JsonValueKind.String ? l.GetString() : Invalid<string>($"{path}.leadPractitioner", "must be a string"))
                : null;
            var support = Boolean(e, path, "supportReceived") ?? false;
            return new Episode(opened, closed, lead, Date(e, path, "wholeFamilyAssessment"), Date(e, path, "familyPlan"), support);
        }

        private NeedRecord? ReadNeed(JsonElement e, string path)
        {
            var code = String(e, path, "code", required: true);
            if (code is not null && framework is not null && !framework.Needs.ContainsKey(code))
            {
                Error($"{path}.code", $"unknown need code '{code}' in framework {framework.Id}");
            }

            var member = MemberRef(e, path, "member");
            return code is null ? null : new NeedRecord(code, member, Date(e, path, "identified"));
        }

        private AttendanceRecord? ReadAttendance(JsonElement e, string path)
        {
            var member = MemberRef(e, path, "member", required: true);
            var yearText = String(e, path, "academicYear", required: true);
            int year = 0;
            if (yearText is not null && !SchoolTerm.TryParseAcademicYear(yearText, out year))
            {
                Error($"{path}.academicYear", $"'{yearText}' is not an academic year like 2023/24");
            }

            var termText = String(e, path, "term", required: true);
            TermName term = default;
            if (termText is not null && !SchoolTerm.TryParseTermName(termText, out term))
            {
                Error($"{path}.term", $"'{termText}' is not a term (autumn, spring or summer)");
            }

            var possible = Count(e, path, "possibleSessions", required: true);
            var attended = Count(e, path, "attendedSessions", required: true);
            var authorised = Count(e, path, "authorisedAbsence") ?? 0;
            var unauthorised = Count(e, path, "unauthorisedAbsence") ?? 0;
            if (possible is { } p && attended is { } a && a > p)
            {
                Error($"{path}.attendedSessions", $"{a} attended sessions is more than the {p} possible");
            }

            if (possible is { } p2 && authorised > p2)
            {
                Error($"{path}.authorisedAbsence", $"{authorised} authorised absences is more than the {p2} possible sessions");
            }

            if (member is null || possible is null || attended is null)
            {
                return null;
            }

            return new AttendanceRecord(member, new SchoolTerm(year, term), possible.Value, attended.Value, authorised, unauthorised);
        }

        private CaseEvent? ReadEvent(JsonElement e, string path)
        {
            var typeText = String(e, path, "type", required: true);
            EventType type = default;
            if (typeText is not null && !CaseVocabulary.EventTypes.TryGetValue(typeText, out type))
            {
                Error($"{path}.type", $"unknown event type '{typeText}' (known: {string.Join(", ", CaseVocabulary.EventTypes.Keys)})");
                typeText = null;
            }

            var member = MemberRef(e, path, "member");
            var date = Date(e, path, "date", required: true);
            var severe = Boolean(e, path, "severe") ?? false;
            var headline = String(e, path, "headline");
            if (headline is not null && framework is not null && !framework.HeadlinesByCode.ContainsKey(headline))
            {
                Error($"{path}.headline", $"unknown headline outcome '{headline}' in framework {framework.Id}");
            }

            var need = String(e, path, "need");
            if (need is not null && framework is not null && !framework.Needs.ContainsKey(need))
            {
                Error($"{path}.need", $"unknown need code '{need}' in framework {framework.Id}");
            }

            var days = Number(e, path, "days");
            if (days is < 0)
            {
                Error($"{path}.days", $"{days} is negative");
            }

            if (type == EventType.Suspension && typeText is not null && days is null && !e.TryGetProperty("days", out _))
            {
                Error($"{path}.days", "is required for a suspension (school days lost)");
            }

            var benefit = String(e, path, "benefit");
            return typeText is null || date is null ? null : new CaseEvent(type, member, date.Value, severe, headline, need, days, benefit);
        }

        private EvidenceRecord? ReadEvidence(JsonElement e, string path)
        {
            var need = String(e, path, "need", required: true);
            if (need is not null && framework is not null && !framework.Needs.ContainsKey(need))
            {
                Error($"{path}.need", $"unknown need code '{need}' in framework {framework.Id}");
            }

            var member = MemberRef(e, path, "member");
            var date = Date(e, path, "date", required: true);
            var kindText = String(e, path, "kind", required: true);
            EvidenceKind kind = default;
            if (kindText is not null && !CaseVocabulary.EvidenceKinds.TryGetValue(kindText, out kind))
            {
                Error($"{path}.kind", $"unknown evidence kind '{kindText}' (known: {string.Join(", ", CaseVocabulary.EvidenceKinds.Keys)})");
                kindText = null;
            }

            var achieved = Boolean(e, path, "outcomeAchieved");
            var instrumentName = String(e, path, "instrument");
            var before = Number(e, path, "before");
            var after = Number(e, path, "after");
            var note = String(e, path, "note");
            var instrument = frameworks.Instruments.Find(instrumentName);
            if (kindText is not null && kind == EvidenceKind.ValidatedMeasure && instrument is not null)
            {
                foreach (var (name, score) in new[] { ("before", before), ("after", after) })
                {
                    if (score is null)
                    {
                        Error($"{path}.{name}", $"is required: the engine scores {instrument.Code} itself");
                    }
                    else if (!instrument.InRange(score.Value))
                    {
                        Error($"{path}.{name}", $"{score:0.##} is outside the {instrument.Code} range of {instrument.Minimum:0.##} to {instrument.Maximum:0.##}");
                    }
                }
            }
            else if (kindText is not null && kind != EvidenceKind.Supplementary && achieved is null)
            {
                var why = kind == EvidenceKind.ValidatedMeasure
                    ? $"is required: the engine does not score {(instrumentName is null ? "an unnamed instrument" : $"'{instrumentName}'")}, so the recorded result stands"
                    : "is required (true or false)";
                Error($"{path}.outcomeAchieved", why);
            }

            return need is null || date is null || kindText is null ? null : new EvidenceRecord(need, member, date.Value, kind, achieved, instrumentName, before, after, note);
        }

        private void CheckDuplicateAttendance(IReadOnlyList<AttendanceRecord> rows)
        {
            var seen = new HashSet<(string, SchoolTerm)>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (!seen.Add((rows[i].Member, rows[i].Term)))
                {
                    Error($"$.attendance[{i}]", $"a second row for {rows[i].Member} in {rows[i].Term}");
                }
            }
        }

        private string? MemberRef(JsonElement e, string path, string name, bool required = false)
        {
            var id = String(e, path, name, required);
            if (id is not null && !members.Contains(id))
            {
                Error($"{path}.{name}", $"the family has no member '{id}'");
            }

            return id;
        }

        private List<T> List<T>(JsonElement parent, string path, string name, Func<JsonElement, string, T?> read, bool required = false)
            where T : class
        {
            var list = new List<T>();
            if (!Property(parent, path, name, JsonValueKind.Array, required, out var array))
            {
                return list;
            }

            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = $"{path}.{name}[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(itemPath, "must be an object");
                    continue;
                }

                if (read(item, itemPath) is { } value)
                {
                    list.Add(value);
                }
            }

            return list;
        }

        private bool Property(JsonElement parent, string path, string name, JsonValueKind kind, bool required, out JsonElement value)
        {
            if (!parent.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Error($"{path}.{name}", "is required");
                }

                return false;
            }

            if (value.ValueKind != kind)
            {
                Error($"{path}.{name}", $"must be {(kind == JsonValueKind.Array ? "an array" : kind == JsonValueKind.Object ? "an object" : kind.ToString().ToLowerInvariant())}");
                return false;
            }

            return true;
        }

        private string? String(JsonElement parent, string path, string name, bool required = false)
        {
            if (!Property(parent, path, name, JsonValueKind.String, required, out var value))
            {
                return null;
            }

            var text = value.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Error($"{path}.{name}", "must not be empty");
                }

                return null;
            }

            return text;
        }

        private DateOnly? Date(JsonElement parent, string path, string name, bool required = false)
        {
            var text = String(parent, path, name, required);
            if (text is null)
            {
                return null;
            }

            if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error($"{path}.{name}", $"'{text}' is not a date in the form YYYY-MM-DD");
            return null;
        }

        private bool? Boolean(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Error($"{path}.{name}", "must be true or false");
            return null;
        }

        private decimal? Number(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            Error($"{path}.{name}", "must be a number");
            return null;
        }

        private int? Count(JsonElement parent, string path, string name, bool required = false)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Error($"{path}.{name}", "is required");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var count))
            {
                Error($"{path}.{name}", "must be a whole number");
                return null;
            }

            if (count < 0)
            {
                Error($"{path}.{name}", $"{count} is negative");
                return null;
            }

            return count;
        }

        private T? Invalid<T>(string path, string message)
            where T : class
        {
            Error(path, message);
            return null;
        }

        private void Error(string path, string message) => Errors.Add(new InputError(path, message));
    }
}
