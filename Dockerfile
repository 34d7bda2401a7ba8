# The platform as a container: migrations run, then uvicorn serves API, back office and metrics.
FROM python:3.11-slim AS build
WORKDIR /app
RUN python -m venv /venv
COPY pyproject.toml requirements.lock README.md ./
COPY backend ./backend
RUN /venv/bin/pip install --no-cache-dir -c requirements.lock .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /app taskapi
WORKDIR /app
COPY --from=build /venv /venv
COPY migrations ./migrations
COPY backend ./backend
ENV PATH="/venv/bin:$PATH" PYTHONUNBUFFERED=1 ENVIRONMENT=production
USER taskapi
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["sh", "-c", "taskapi db upgrade && exec taskapi serve --host 0.0.0.0 --port 8000"]
