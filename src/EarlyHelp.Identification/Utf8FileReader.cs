using System.Text;

namespace EarlyHelp.Identification;

/// <summary>
/// A UTF-8 file decoded straight into the parser's buffer. StreamReader decodes into a buffer of its own and copies
/// from there into the reader's, which cost a tenth of reading the partner files. A UTF-8 byte order mark is skipped;
/// invalid bytes become U+FFFD, as with StreamReader.
/// </summary>
internal sealed class Utf8FileReader : TextReader
{
    private readonly Stream stream;
    private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
    private readonly byte[] bytes = new byte[1 << 16];
    private int start;
    private int end;
    private bool ended;
    private char? pending;

    private Utf8FileReader(Stream stream) => this.stream = stream;

    /// <summary>The reader for a file: this one for UTF-8, a StreamReader when a byte order mark says UTF-16 or UTF-32.</summary>
    public static TextReader Open(FileStream file)
    {
        Span<byte> head = stackalloc byte[3];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bom = read >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        var unicode = read >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        file.Position = bom ? 3 : 0;
        return unicode
            ? new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16)
            : new Utf8FileReader(file);
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var total = 0;
        Span<char> aside = stackalloc char[2];
        if (pending is { } held && !buffer.IsEmpty)
        {
            buffer[total++] = held;
            pending = null;
        }

        while (total < buffer.Length)
        {
            if (start == end && !ended)
            {
                start = 0;
                end = stream.Read(bytes);
                ended = end == 0;
            }

            // The decoder needs room for a whole character, which may be two chars: with less, decode aside.
            var room = buffer.Length - total;
            var into = room >= 2 ? buffer[total..] : aside;
            decoder.Convert(bytes.AsSpan(start, end - start), into, flush: ended, out var used, out var chars, out _);
            start += used;
            if (room < 2 && chars > 0)
            {
                buffer[total] = aside[0];
                pending = chars == 2 ? aside[1] : null;
                chars = 1;
            }

            total += chars;
            if (used == 0 && chars == 0)
            {
                break; // the end of the file
            }
        }

        return total;
    }

    public override int Peek() => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
