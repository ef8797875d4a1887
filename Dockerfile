# The server image: the app under gunicorn, with WeasyPrint's and Chromium's system packages.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 BROWSER_PATH=/usr/bin/chromium
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core chromium \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY natverken natverken
COPY behov behov
COPY prioritering prioritering
COPY uppdrag uppdrag
COPY uppfoljning uppfoljning
RUN pip install --no-cache-dir .
COPY . .
RUN DEBUG=true DATABASE_URL=postgres://bygg@localhost/bygg python manage.py collectstatic --noinput
RUN useradd --create-home natverken && mkdir -p /app/.data && chown natverken /app/.data
USER natverken
EXPOSE 8000
CMD ["gunicorn", "natverken.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120"]
