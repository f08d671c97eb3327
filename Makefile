# The two commands a newcomer needs: `make run` (chat in the terminal) and `make test`.
SWIFT ?= swift

.PHONY: run test build deps test-deps clean

## Chat with the bot in this terminal: embedded SQLite, offline LLM, no server, no key.
run: deps
	$(SWIFT) build --product scheduler-bot
	./.build/debug/scheduler-bot $(ARGS)

## Every test: unit, end-to-end through the built executable, and the chat-server suites.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

deps:
	@scripts/install-system-deps.sh

test-deps:
	@scripts/install-system-deps.sh ngircd

clean:
	rm -rf .build
