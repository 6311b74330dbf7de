/** The gateway's side of one `text/event-stream` response, written to by the test. */
export class FakeEventStream {
    readonly response: Response;
    #controller!: ReadableStreamDefaultController<Uint8Array>;
    #encoder = new TextEncoder();

    /** Aborting `signal` fails the body, as fetch does when its request is aborted. */
    constructor(signal?: AbortSignal | null) {
        const body = new ReadableStream<Uint8Array>({
            start: (controller) => {
                this.#controller = controller;
            },
        });
        signal?.addEventListener("abort", () =>
            this.#controller.error(new DOMException("The request was aborted", "AbortError")),
        );
        this.response = new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } });
    }

    /** Writes raw text: a test may split an event anywhere. */
    write(text: string): void {
        this.#controller.enqueue(this.#encoder.encode(text));
    }

    emit(event: string, data: unknown): void {
        this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }

    /** The gateway closed the connection. */
    end(): void {
        this.#controller.close();
    }

    /** The connection broke. */
    fail(): void {
        this.#controller.error(new TypeError("network error"));
    }
}

/** Lets pending promise chains and stream reads run (timers faked or not). */
export async function settle(): Promise<void> {
    for (let round = 0; round < 10; round += 1) {
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
}
