using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace EarlyHelp.Core.Outcomes;

public sealed record BatchSummary(int Evaluated, int Rejected);

/// <summary>
/// NDJSON in, NDJSON out, in the same order: one case file a line, one verdict a line. A bad line yields
/// <c>{"line": N, "errors": [...]}</c> in its place and the rest are still evaluated. Blank lines are skipped
/// but counted, so N is the line's number in the file.
/// </summary>
/// <remarks>
/// A pipeline, so that every core evaluates all the time: one thread cuts the input into blocks of whole
/// lines, one worker a core evaluates a block at a time into the block's own output buffer, and the calling
/// thread writes the blocks out in input order. Lines stay UTF-8 bytes from end to end. Lines are split as
/// <see cref="StreamReader.ReadLine"/> splits them (at \n, \r or \r\n) and a UTF-8 byte order mark at the start
/// is skipped, as before; a file that starts with a UTF-16 or UTF-32 byte order mark is decoded by a
/// <see cref="StreamReader"/> and each line encoded back to UTF-8.
/// </remarks>
public sealed class BatchEvaluation(CaseFileReader reader, OutcomeEvaluator evaluator)
{
    /// <summary>Input bytes a block holds (it grows for a longer line): a few hundred families, some milliseconds of work.</summary>
    private const int BlockBytes = 1 << 20;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public BatchSummary Run(Stream input, Stream output)
    {
        var workers = Math.Max(1, Environment.ProcessorCount);

        // Blocks in flight: enough that no worker waits for the reader or the writer, few enough to bound memory.
        var inFlight = workers * 3;
        using var free = new BlockingCollection<Block>(new ConcurrentBag<Block>());
        for (var i = 0; i < inFlight; i++)
        {
            free.Add(new Block());
        }

        using var work = new BlockingCollection<Block>(new ConcurrentQueue<Block>());
        using var ordered = new BlockingCollection<Block>(new ConcurrentQueue<Block>());
        using var cancel = new CancellationTokenSource();
        var token = cancel.Token;

        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    Produce(input, free, token, block =>
                    {
                        ordered.Add(block, token);
                        work.Add(block, token);
                    });
                }
                finally
                {
                    ordered.CompleteAdding();
                    work.CompleteAdding();
                }
            },
            token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var consumers = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            consumers[i] = Task.Factory.StartNew(() => Consume(work, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        int evaluated = 0, rejected = 0;
        try
        {
            foreach (var block in ordered.GetConsumingEnumerable(token))
            {
                block.Done.Wait(token);
                if (block.Failure is { } failure)
                {
                    throw new AggregateException(failure);
                }

                output.Write(block.Output.WrittenSpan);
                evaluated += block.Lines - block.Rejected;
                rejected += block.Rejected;
                block.Clear();
                free.Add(block);
            }

            // An exception in the reader thread ends the input early: report it rather than a short output.
            producer.GetAwaiter().GetResult();
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            free.CompleteAdding();
            try
            {
                Task.WaitAll([producer, .. consumers]);
            }
            catch (AggregateException) when (token.IsCancellationRequested)
            {
                // Already failing: the first exception is the one reported.
            }
        }

        output.Flush();
        return new BatchSummary(evaluated, rejected);
    }

    private void Consume(BlockingCollection<Block> work, CancellationToken token)
    {
        var writer = new Utf8JsonWriter(Stream.Null, WriterOptions);
        foreach (var block in work.GetConsumingEnumerable(token))
        {
            try
            {
                for (var i = 0; i < block.Lines; i++)
                {
                    writer.Reset(block.Output);
                    if (!EvaluateLine(block.LineNumbers[i], block.Line(i), writer))
                    {
                        block.Rejected++;
                    }

                    writer.Flush();
                    block.Output.Write("\n"u8);
                }
            }
            catch (Exception e)
            {
                block.Failure = e;
            }
            finally
            {
                block.Done.Set();
            }
        }
    }

    private bool EvaluateLine(int line, ReadOnlyMemory<byte> json, Utf8JsonWriter writer)
    {
        // A line that is not valid UTF-8 was read before as text, with U+FFFD for each bad sequence: keep that.
        if (!Utf8.IsValid(json.Span))
        {
            json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json.Span));
        }

        var (file, errors) = reader.Read(json);
        if (file is null)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", line);
            writer.WriteStartArray("errors");
            foreach (var e in errors)
            {
                writer.WriteStringValue(e.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            return false;
        }

        VerdictJson.Write(writer, evaluator.Evaluate(file));
        return true;
    }

    /// <summary>Cuts the input into blocks of whole, non-blank lines and hands each on as it fills.</summary>
    private static void Produce(Stream input, BlockingCollection<Block> free, CancellationToken token, Action<Block> publish)
    {
        // The first bytes decide the encoding, as StreamReader's byte order mark detection would.
        var start = new byte[4];
        var got = 0;
        while (got < start.Length && input.Read(start, got, start.Length - got) is var n && n > 0)
        {
            got += n;
        }

        var head = start.AsSpan(0, got);
        if (head.StartsWith(new byte[] { 0xFE, 0xFF }) || head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0x00, 0x00, 0xFE, 0xFF }))
        {
            ProduceFromText(new ConcatStream(start.AsMemory(0, got), input), free, token, publish);
            return;
        }

        var skip = head.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var splitter = new LineSplitter(free, token, publish);
        splitter.Add(head[skip..]);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            splitter.Add(buffer.AsSpan(0, read));
        }

        splitter.Finish();
    }

    /// <summary>UTF-16 and UTF-32 input, as the text reader decodes it: rare, so not fast.</summary>
    private static void ProduceFromText(Stream input, BlockingCollection<Block> free, CancellationToken token, Action<Block> publish)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var block = free.Take(token);
        var lineNumber = 0;
        string? line;
        while ((line = text.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (block.Bytes > 0 && block.Bytes + Encoding.UTF8.GetMaxByteCount(line.Length) > BlockBytes)
            {
                publish(block);
                block = free.Take(token);
            }

            block.Append(Encoding.UTF8.GetBytes(line), lineNumber);
        }

        publish(block);
    }

    /// <summary>Splits UTF-8 bytes into lines as <see cref="StreamReader.ReadLine"/> does, whatever the chunk boundaries.</summary>
    private sealed class LineSplitter(BlockingCollection<Block> free, CancellationToken token, Action<Block> publish)
    {
        private Block block = free.Take(token);
        private int lineNumber;
        private bool afterCarriageReturn;

        // The start of a line that continues in the next chunk, in the current block's buffer.
        private int pendingStart = -1;

        public void Add(ReadOnlySpan<byte> chunk)
        {
            if (afterCarriageReturn && chunk.Length > 0)
            {
                // \r\n is one line break, even when the chunk boundary falls between them.
                if (chunk[0] == (byte)'\n')
                {
                    chunk = chunk[1..];
                }

                afterCarriageReturn = false;
            }

            while (chunk.Length > 0)
            {
                var end = chunk.IndexOfAny((byte)'\r', (byte)'\n');
                if (end < 0)
                {
                    Pending(chunk);
                    return;
                }

                Pending(chunk[..end]);
                EndLine();
                if (chunk[end] == (byte)'\r')
                {
                    if (end + 1 == chunk.Length)
                    {
                        afterCarriageReturn = true;
                        return;
                    }

                    if (chunk[end + 1] == (byte)'\n')
                    {
                        end++;
                    }
                }

                chunk = chunk[(end + 1)..];
            }
        }

        public void Finish()
        {
            // The last line needs no line break; an empty last line (the file ends with one) is no line.
            if (pendingStart >= 0)
            {
                EndLine();
            }

            publish(block);
        }

        private void Pending(ReadOnlySpan<byte> bytes)
        {
            if (pendingStart < 0)
            {
                if (block.Bytes + bytes.Length > BlockBytes && block.Lines > 0)
                {
                    publish(block);
                    block = free.Take(token);
                }

                pendingStart = block.Bytes;
            }
            else if (block.Bytes + bytes.Length > block.Capacity && pendingStart > 0)
            {
                // A long line that does not fit after this block's lines: move it to a fresh block.
                var next = free.Take(token);
                next.AppendPartial(block.Data.AsSpan(pendingStart, block.Bytes - pendingStart));
                block.Bytes = pendingStart;
                publish(block);
                block = next;
                pendingStart = 0;
            }

            block.AppendPartial(bytes);
        }

        private void EndLine()
        {
            lineNumber++;
            var start = pendingStart < 0 ? block.Bytes : pendingStart;
            pendingStart = -1;
            if (IsBlank(block.Data.AsSpan(start, block.Bytes - start)))
            {
                block.Bytes = start;
                return;
            }

            block.EndLine(start, lineNumber);
        }

        /// <summary>Whether the line is empty or white space, as <see cref="string.IsNullOrWhiteSpace"/> judges the decoded text.</summary>
        private static bool IsBlank(ReadOnlySpan<byte> line)
        {
            foreach (var b in line)
            {
                if (b >= 0x80)
                {
                    return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
                }

                if (!char.IsWhiteSpace((char)b))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Some consecutive lines of the input and, once evaluated, their verdicts.</summary>
    private sealed class Block
    {
        public byte[] Data { get; private set; } = new byte[BlockBytes];

        public int Bytes { get; set; }

        public int Capacity => Data.Length;

        public int Lines { get; private set; }

        public int[] LineNumbers { get; private set; } = new int[1024];

        private int[] starts = new int[1024];
        private int[] ends = new int[1024];

        public ArrayBufferWriter<byte> Output { get; } = new(BlockBytes);

        public ManualResetEventSlim Done { get; } = new();

        public int Rejected { get; set; }

        public Exception? Failure { get; set; }

        public ReadOnlyMemory<byte> Line(int i) => Data.AsMemory(starts[i], ends[i] - starts[i]);

        public void AppendPartial(ReadOnlySpan<byte> bytes)
        {
            if (Bytes + bytes.Length > Data.Length)
            {
                var bigger = new byte[Math.Max(Data.Length * 2, Bytes + bytes.Length)];
                Data.AsSpan(0, Bytes).CopyTo(bigger);
                Data = bigger;
            }

            bytes.CopyTo(Data.AsSpan(Bytes));
            Bytes += bytes.Length;
        }

        public void Append(ReadOnlySpan<byte> line, int lineNumber)
        {
            var start = Bytes;
            AppendPartial(line);
            EndLine(start, lineNumber);
        }

        public void EndLine(int start, int lineNumber)
        {
            if (Lines == starts.Length)
            {
                Array.Resize(ref starts, Lines * 2);
                Array.Resize(ref ends, Lines * 2);
                var numbers = LineNumbers;
                Array.Resize(ref numbers, Lines * 2);
                LineNumbers = numbers;
            }

            starts[Lines] = start;
            ends[Lines] = Bytes;
            LineNumbers[Lines] = lineNumber;
            Lines++;
        }

        public void Clear()
        {
            Bytes = 0;
            Lines = 0;
            Rejected = 0;
            Failure = null;
            Output.ResetWrittenCount();
            Done.Reset();

            // A block grown for one very long line goes back to the usual size.
            if (Data.Length > BlockBytes * 4)
            {
                Data = new byte[BlockBytes];
            }
        }
    }

    /// <summary>The bytes already read to look for a byte order mark, then the rest of the stream.</summary>
    private sealed class ConcatStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (head.Length == 0)
            {
                return rest.Read(buffer, offset, count);
            }

            var n = Math.Min(count, head.Length);
            head.Span[..n].CopyTo(buffer.AsSpan(offset, n));
            head = head[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
